package vn.khien;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KhienApplication {
    public static void main(String[] args) {
        SpringApplication.run(KhienApplication.class, args);
    }
}
