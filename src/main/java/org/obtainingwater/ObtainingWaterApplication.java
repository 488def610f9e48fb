package org.obtainingwater;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The obtaining-water (获得用水) process application: Camunda 7 embedded in Spring Boot. */
@SpringBootApplication
// The notification outbox is dispatched on a schedule (notification.OutboxDispatcher).
@EnableScheduling
public class ObtainingWaterApplication {

  public static void main(String[] args) {
    SpringApplication.run(ObtainingWaterApplication.class, args);
  }
}
