/** Workflow entities (inspection plans and tasks) and the port they are stored through. */
package io.riskgraph.workflow;
