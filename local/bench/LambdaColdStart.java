import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * What the Lambda runtime does on a cold start, without the runtime: start the handler (which starts
 * the application), hand it one event, print the answer. Run on the Lambda package's classpath.
 */
public class LambdaColdStart {

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        FunctionInvoker invoker = new FunctionInvoker();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event), out, null);
        System.out.println("ANSWER " + out);
        System.out.flush();
        System.exit(0);
    }
}
