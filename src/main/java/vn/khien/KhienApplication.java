package vn.khien;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.khien.scale.DatabaseCopy;
import vn.khien.scale.NationalDataGenerator;

@SpringBootApplication
public class KhienApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            // A command, not the server: fill an empty database with the national data set and exit (issue 15).
            System.exit(NationalDataGenerator.run(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        if (args.length > 0 && args[0].equals("copy-database")) {
            // A command: move an evaluation installation (embedded H2) into an empty production database.
            System.exit(DatabaseCopy.run(Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        SpringApplication.run(KhienApplication.class, args);
    }
}
