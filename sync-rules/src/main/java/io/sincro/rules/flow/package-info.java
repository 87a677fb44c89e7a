/** The entity flow table and the rule per entity: what each stream carries and what importing it does. */
package io.sincro.rules.flow;
