/** What a station holds and has done, at either role: {@code sincro status} and {@code sincro log}. */
package io.sincro.app.station;
