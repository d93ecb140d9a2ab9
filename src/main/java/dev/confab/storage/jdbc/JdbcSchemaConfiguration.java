package dev.confab.storage.jdbc;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class JdbcSchemaConfiguration {

    /** Static: a post-processor must not make its configuration class a bean before the others. */
    @Bean
    static BeanFactoryPostProcessor lazyFlyway() {
        return new LazyFlyway();
    }

    @Bean
    @Profile("!dynamodb")
    GroupCommit groupCommit(PlatformTransactionManager transactions) {
        return new GroupCommit(new TransactionTemplate(transactions));
    }

    @Bean
    @Profile("!dynamodb")
    EmbeddedCompaction embeddedCompaction(DataSource dataSource) {
        return new EmbeddedCompaction(dataSource);
    }
}
