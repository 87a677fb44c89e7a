/** What the head office's staff look at: the orders and customers that arrived from the agents. */
package io.sincro.office.desk;
