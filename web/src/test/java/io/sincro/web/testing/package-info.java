/** What the web app's tests share, here and in app's: a station to serve, and a real browser. */
package io.sincro.web.testing;
