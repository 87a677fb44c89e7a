/** The head office's customers, with the differing versions agents sent, and the special-price conflicts. */
package io.sincro.web.office.customers;
