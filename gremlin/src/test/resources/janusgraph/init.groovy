// Run by the server's Groovy engine at start: riskgraph's upsert key index, as docs/backends.md ("Indexes") says,
// then the traversal source g. The last expression is the map of globals the server binds.
def globals = [:]
mgmt = graph.openManagement()
if (mgmt.getPropertyKey('uid') == null) {
    uid = mgmt.makePropertyKey('uid').dataType(String.class).make()
    mgmt.buildIndex('byUid', Vertex.class).addKey(uid).unique().buildCompositeIndex()
    mgmt.commit()
} else {
    mgmt.rollback()
}
globals << [g : graph.traversal()]
