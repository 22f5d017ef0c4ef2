package io.riskgraph.cypher.workflow;

import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.config.AbstractNeo4jConfig;
import org.springframework.data.neo4j.repository.config.EnableNeo4jRepositories;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import java.util.Collection;
import java.util.List;

/**
 * Spring Data Neo4j over the platform's own driver (embedded or {@code --uri}); no Spring Boot. Entities and
 * repositories are found in this package.
 */
@Configuration
@EnableNeo4jRepositories(basePackageClasses = WorkflowConfig.class)
@EnableTransactionManagement
class WorkflowConfig extends AbstractNeo4jConfig {
    private final PlatformDriver platformDriver;

    WorkflowConfig(PlatformDriver platformDriver) {
        this.platformDriver = platformDriver;
    }

    /** The platform owns the driver: an empty destroy method stops Spring from closing it with the context. */
    @Override
    @Bean(destroyMethod = "")
    public Driver driver() {
        return platformDriver.driver();
    }

    @Override
    protected Collection<String> getMappingBasePackages() {
        return List.of(WorkflowConfig.class.getPackageName());
    }

    /** Carries the platform's driver into the context. */
    record PlatformDriver(Driver driver) {}
}
