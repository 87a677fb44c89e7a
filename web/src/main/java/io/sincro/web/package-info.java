/**
 * The station's pages in the browser: an embedded server on loopback that only the browser holding
 * this run's secret can drive, with the features' pages registered on it.
 */
package io.sincro.web;
