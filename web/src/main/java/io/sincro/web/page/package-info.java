/** What every page shares: the station it shows, its layout, its language and figures, and the routes' contract. */
package io.sincro.web.page;
