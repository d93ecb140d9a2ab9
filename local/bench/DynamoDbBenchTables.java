import dev.confab.storage.DynamoDbTables;

/**
 * Creates the SAM template's DynamoDB tables under a fresh prefix in the DynamoDB Local at
 * CONFAB_DYNAMODB_ENDPOINT and prints the prefix, for the Lambda cold starts on the dynamodb profile
 * (the deployed one). Run on the test classes and the Lambda package's libraries; the table
 * definitions are read from cloud/aws/template.yaml by the tests' own helper.
 */
public class DynamoDbBenchTables {

    public static void main(String[] args) {
        System.out.println(DynamoDbTables.createFresh());
    }
}
