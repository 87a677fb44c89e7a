/** {@code sincro conflicts}: the special-price conflicts a station decided, at either role. */
package io.sincro.app.conflicts;
