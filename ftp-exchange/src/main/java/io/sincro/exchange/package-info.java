/** The mailbox: folders SincroAg and SincroSede holding files under final names, and what can go wrong moving them. */
package io.sincro.exchange;
