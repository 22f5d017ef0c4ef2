/** Workflow entities (clues, inspection plans and tasks) and the ports they are stored through; no Spring types. */
package io.riskgraph.workflow;
