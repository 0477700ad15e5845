package io.greenportal.site;

import java.time.Clock;

import io.greenportal.site.web.BeijingTime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SiteApplication {

    /** The portal's zone: publicity periods and dates are read in Beijing time. */
    @Bean
    Clock clock() {
        return Clock.system(BeijingTime.ZONE);
    }

    public static void main(String[] args) {
        SpringApplication.run(SiteApplication.class, args);
    }
}
