package io.riskgraph.cypher.workflow;

import io.riskgraph.workflow.Investigation;
import io.riskgraph.workflow.InvestigationRepository;

import java.util.List;
import java.util.Optional;

/** {@link InvestigationRepository} over Spring Data Neo4j. */
final class SdnInvestigationRepository implements InvestigationRepository {
    private final InvestigationNodeRepository nodes;

    SdnInvestigationRepository(InvestigationNodeRepository nodes) {
        this.nodes = nodes;
    }

    @Override
    public Investigation save(Investigation i) {
        return toInvestigation(nodes.save(new InvestigationNode(i.id(), i.owner(), i.name(), i.notes(), i.shared(),
                i.content(), i.createdAt(), i.updatedAt())));
    }

    @Override
    public Optional<Investigation> find(String id) {
        return nodes.findById(id).map(SdnInvestigationRepository::toInvestigation);
    }

    @Override
    public List<Investigation> visibleTo(String owner) {
        return nodes.visibleTo(owner).stream().map(n -> new Investigation(n.id(), n.owner(), n.name(), n.notes(), n.shared(),
                "", n.createdAt(), n.updatedAt())).toList();
    }

    @Override
    public boolean delete(String id, String owner) {
        Optional<InvestigationNode> n = nodes.findById(id);
        if (n.isEmpty() || !n.get().owner().equals(owner)) return false;
        nodes.deleteById(id);
        return true;
    }

    private static Investigation toInvestigation(InvestigationNode n) {
        return new Investigation(n.id(), n.owner(), n.name(), n.notes(), n.shared(), n.content() == null ? "" : n.content(),
                n.createdAt(), n.updatedAt());
    }
}
