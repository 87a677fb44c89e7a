/** Agents' orders handed to the back-end, and the statuses the back-end reports for them. */
package io.sincro.office.orders;
