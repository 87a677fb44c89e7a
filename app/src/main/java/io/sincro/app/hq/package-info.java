/** The head office's commands, {@code sincro hq ...}: the company database, master data, agent stations and orders. */
package io.sincro.app.hq;
