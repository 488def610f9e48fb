package org.obtainingwater.adapters;

import java.util.stream.Collectors;

import org.obtainingwater.adapters.RecordingAdaptersCheck.RecordingAdaptersRefusedException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says, at a refused start, which ports are on {@code recording} and what to set (registered in spring.factories). */
class RecordingAdaptersFailureAnalyzer extends AbstractFailureAnalyzer<RecordingAdaptersRefusedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, RecordingAdaptersRefusedException cause) {
    String ports = cause.ports().stream()
        .map(port -> "    " + port.property() + "=recording  (real adapter: " + port.realAdapter() + ")")
        .collect(Collectors.joining("\n"));
    return new FailureAnalysis(
        "The application is not in the demo profile, and these ports would only record what they should send "
            + "(no SMS sent, no permit filed, no account opened):\n" + ports,
        "Set each of them to its real adapter and its settings (docs/operations.md, \"Outside systems and their "
            + "adapters\"), or keep a port on recording on purpose by naming it in " + RecordingAdaptersCheck.ALLOW
            + " (environment OW_ALLOW_RECORDING, e.g. OW_ALLOW_RECORDING=supervisor-notifier; true allows every port, "
            + "for a test or training system).",
        cause);
  }
}
