/** Agent stations made from the company database: only that agent, its own numbering, its settings. */
package io.sincro.office.stations;
