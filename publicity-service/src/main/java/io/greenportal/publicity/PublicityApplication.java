package io.greenportal.publicity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(PublicityProperties.class)
public class PublicityApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublicityApplication.class, args);
    }
}
