/** The web pages' answer times at one agent's station, through {@code sincro ui}'s own server: {@code scripts/bench --pages}. */
package io.sincro.bench.pages;
