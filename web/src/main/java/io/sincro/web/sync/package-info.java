/** Sync in the browser: the station's exchange run in the background, its packages shown as they go, then its summary. */
package io.sincro.web.sync;
