package org.obtainingwater.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * The engine settings that keep Tasklist's task queries usable with 100,000 open tasks
 * (docs/adr/0023-tasklist-at-scale.md), next to the planner statistics of {@link TaskQueryStatistics}:
 * <ul>
 * <li>On PostgreSQL the task query and a filter's list or count (Tasklist's calls) are planned with
 * their parameters every time: {@code SET LOCAL plan_cache_mode = force_custom_plan}, for the rest of
 * the transaction only. The authorization check is fast only with the statistics, and a generic
 * plan (which PostgreSQL switches to after five executions of a prepared statement) cannot use them.
 * Custom plans for every statement of the application cost the engine much of its write throughput
 * (measured in docs/benchmarks.md), so the pool's connections keep PostgreSQL's default. The interceptor runs after the engine has
 * joined or opened the transaction and created its command context, on the connection the engine's
 * statements use; inside a longer transaction of the caller the setting lasts until that ends.</li>
 * <li>Authorization checks use the staff member's own groups, without Camunda's prefilter that reads
 * every group id of the authorization table first ({@link StaffGroupsAuthorizationManager}).</li>
 * </ul>
 */
@Component
class TaskQueryTuning extends AbstractCamundaConfiguration {

  static final String SET_CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new CustomPlansForTaskQueries()));
    configuration.setCustomSessionFactories(
        with(configuration.getCustomSessionFactories(), new StaffGroupsAuthorizationManager.Factory()));
  }

  private static <T> List<T> with(List<T> configured, T added) {
    List<T> all = configured == null ? new ArrayList<>() : new ArrayList<>(configured);
    all.add(added);
    return all;
  }

  static boolean queriesTasks(Command<?> command) {
    return command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd;
  }

  static final class CustomPlansForTaskQueries extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (queriesTasks(command)) {
        CommandContext context = Context.getCommandContext();
        if ("postgres".equals(context.getProcessEngineConfiguration().getDatabaseType())) {
          setCustomPlans(context.getDbSqlSession().getSqlSession().getConnection());
        }
      }
      return next.execute(command);
    }

    private static void setCustomPlans(Connection connection) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(SET_CUSTOM_PLANS);
      } catch (SQLException e) {
        throw new ProcessEngineException("Could not ask PostgreSQL for custom plans of the task query", e);
      }
    }
  }
}
