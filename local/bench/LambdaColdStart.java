import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * What the Lambda runtime does on a cold start, without the runtime: start the handler (which starts
 * the application), hand it the events named (one, when measuring; several, when training a JVM
 * cache), print each answer. Run on the Lambda package's classpath.
 */
public class LambdaColdStart {

    public static void main(String[] args) throws Exception {
        FunctionInvoker invoker = new FunctionInvoker();
        for (String file : args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            invoker.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(file))), out, null);
            System.out.println("ANSWER " + out);
        }
        System.out.flush();
        System.exit(0);
    }
}
