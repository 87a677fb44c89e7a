/** The head office's orders: the list with its filters, one order with its lines, total and history, its status. */
package io.sincro.web.office.orders;
