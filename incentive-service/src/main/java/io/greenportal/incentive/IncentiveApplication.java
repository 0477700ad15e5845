package io.greenportal.incentive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class IncentiveApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncentiveApplication.class, args);
    }
}
