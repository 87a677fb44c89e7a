/** The statuses the head office sets on the orders it received, which travel back to the agents. */
package io.sincro.office.orders;
