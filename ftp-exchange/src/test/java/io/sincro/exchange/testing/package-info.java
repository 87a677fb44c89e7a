/** What the tests of other modules borrow to make a fault of the machine for real: a small disk to fill. */
package io.sincro.exchange.testing;
