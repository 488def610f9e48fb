package org.obtainingwater.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the recording adapters' stand-in systems remember, written to a file that outlives this JVM:
 * one line per call they receive ({@code instant, pid, system, EFFECT|REPEAT, idempotency key, answer},
 * tab-separated), handed to the operating system before the call returns, so a process killed right
 * after the call still leaves its line. At start the adapters read back the keys they answered, as the
 * real systems would remember them across a crash of this application (docs/adr/0021).
 *
 * <p>Off unless {@code obtaining-water.adapters.journal} names a file: the crash test sets it. Not an
 * fsync: the line survives the death of the process, not a power cut of the machine.
 */
@Component
public class AdapterJournal {

  /** What a call did at the stand-in system. */
  public enum Kind {
    /** The first call with its key: the work was done (an SMS sent, a permit filed, an account opened). */
    EFFECT,
    /** Another call with a key already answered: the earlier answer again, nothing done. */
    REPEAT
  }

  /** One line of the journal. */
  public record Entry(Instant at, long pid, String system, Kind kind, String key, String answer) {

    static Entry parse(String line) {
      String[] fields = line.split("\t", -1);
      return new Entry(Instant.parse(fields[0]), Long.parseLong(fields[1]), fields[2], Kind.valueOf(fields[3]),
          fields[4], fields[5]);
    }

    String format() {
      return String.join("\t", at.toString(), Long.toString(pid), system, kind.name(), key, answer) + "\n";
    }
  }

  private final Path file;
  private final FileChannel channel;
  private final Duration latency;

  /**
   * @param file where the journal goes; none when blank
   * @param latency how long the stand-in systems take to answer after doing the work: the window in which
   *     this application can die between a call and its own commit. Zero except in the crash test.
   */
  public AdapterJournal(@Value("${obtaining-water.adapters.journal:}") String file,
      @Value("${obtaining-water.adapters.recording-latency:PT0S}") Duration latency) {
    this.latency = latency;
    this.file = file.isBlank() ? null : Path.of(file);
    try {
      this.channel = this.file == null ? null : FileChannel.open(this.file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the adapter journal " + file, e);
    }
  }

  /** The idempotent calls of one stand-in system, with the answers it gave in earlier lives of the application. */
  public IdempotentCalls calls(String system) {
    Map<String, String> answered = new LinkedHashMap<>();
    for (Entry entry : read(file)) {
      if (entry.system().equals(system) && entry.kind() == Kind.EFFECT) {
        answered.put(entry.key(), entry.answer());
      }
    }
    return new IdempotentCalls(system, answered, this, latency);
  }

  synchronized void append(String system, Kind kind, String key, String answer) {
    if (channel == null) {
      return;
    }
    Entry entry = new Entry(Instant.now(), ProcessHandle.current().pid(), system, kind, key, answer);
    ByteBuffer line = ByteBuffer.wrap(entry.format().getBytes(StandardCharsets.UTF_8));
    try {
      while (line.hasRemaining()) {
        channel.write(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the adapter journal " + file, e);
    }
  }

  /** Closed with the application context (an orderly stop; a killed process leaves it to the operating system). */
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }

  /** Every complete line of a journal file, oldest first; none when there is no such file. */
  public static List<Entry> read(Path file) {
    if (file == null || !Files.exists(file)) {
      return List.of();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // A line being written as the file is read has no newline yet: it is read next time.
      return text.substring(0, text.lastIndexOf('\n') + 1).lines().filter(line -> !line.isBlank())
          .map(Entry::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
