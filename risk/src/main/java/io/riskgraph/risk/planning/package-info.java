/**
 * Credit-weighted inspection planning ("double random, one public"): per-grade draws, conflict-free inspector teams,
 * signed inspection codes, the closed loop of results, and the simulation against uniform random selection.
 * Computation only: the store is read through the GraphStore port, plans are kept through InspectionPlanRepository.
 */
package io.riskgraph.risk.planning;
