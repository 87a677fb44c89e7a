/**
 * {@code sincro doctor}: the checks a support person would make on a station, one line each, and
 * the bundle of them a salesman can e-mail to the head office.
 */
package io.sincro.app.doctor;
