/** Special-price conflicts a station decided, with the version kept and the one that gave way. */
package io.sincro.rules.conflicts;
