package dev.confab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application. The auto-configurations left out here are left out in every profile and door:
 * nothing in Confab uses them (the provider clients build their own HTTP clients), and each costs
 * start-up time. They are named here rather than in {@code spring.autoconfigure.exclude} because a
 * profile's own exclusions (application-dynamodb.yml leaves out the SQL ones) replace that list
 * instead of adding to it, which brought all of these back in the Lambda's dynamodb profile.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.gson.GsonAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.reactive.function.client.WebClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.web.reactive.function.client.ClientHttpConnectorAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.client.reactive.ClientHttpConnectorAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration",
        "org.springframework.cloud.function.context.config.KotlinLambdaToFunctionAutoConfiguration",
        "org.springframework.cloud.function.web.source.FunctionExporterAutoConfiguration",
        // the schema is Flyway's; no schema.sql or data.sql to look for
        "org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration",
        // no @Transactional anywhere (JDBC writes go through GroupCommit's own TransactionTemplate);
        // this one's advisor read the annotations of every method of every bean at start-up looking
        // for one: about 6% of local/run-fast's start
        "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration"})
@ConfigurationPropertiesScan
public class ConfabApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConfabApplication.class, args);
    }
}
