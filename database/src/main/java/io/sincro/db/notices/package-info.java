/** The queue of e-mail notices a station sends after its work: what to say, to whom, and whether it went. */
package io.sincro.db.notices;
