package dev.confab.storage.dynamodb;

import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * DynamoDB failures as Spring's storage failures, so that the doors answer them as they answer a
 * SQL database's: 503 storage_unavailable, the cause in the log only. Spring Boot applies this to
 * every {@code @Repository} bean.
 */
@Component
@Profile("dynamodb")
class DynamoDbFailures implements PersistenceExceptionTranslator {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException e) {
        return e instanceof SdkException ? new DataAccessResourceFailureException("DynamoDB: " + e.getMessage(), e) : null;
    }
}
