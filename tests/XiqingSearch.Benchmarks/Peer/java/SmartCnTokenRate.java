import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * The Java side of the analyzer benchmark: Lucene's own SmartChineseAnalyzer timed the way the C# side is timed,
 * in one warm JVM, so the ratio compares analysis and nothing else (no JVM start, no TSV output).
 * Usage: java -cp LUCENE_JARS:. SmartCnTokenRate FILE [WARMUP] [RUNS]
 * Prints tab-separated rows: load_ms, tokens, then one run_tokens_per_second row per timed run, then the median.
 */
public final class SmartCnTokenRate {
  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;

    // The dictionaries load on first use: construct the analyzer and analyse one line, as a first query would.
    long start = System.nanoTime();
    SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();
    count(analyzer, List.of("中国人民"));
    System.out.println("load_ms\t" + (System.nanoTime() - start) / 1e6);

    long expected = -1;
    for (int i = 0; i < warmup; i++) {
      expected = check(expected, count(analyzer, lines));
    }
    double[] rates = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      long tokens = count(analyzer, lines);
      double seconds = (System.nanoTime() - t0) / 1e9;
      expected = check(expected, tokens);
      rates[i] = tokens / seconds;
      System.out.println("run_tokens_per_second\t" + rates[i]);
    }
    Arrays.sort(rates);
    System.out.println("tokens\t" + expected);
    System.out.println("median_tokens_per_second\t" + rates[runs / 2]);
  }

  /** Every line is its own field value, as the peer's tokens command and the C# benchmark analyse it. */
  private static long count(SmartChineseAnalyzer analyzer, List<String> lines) throws IOException {
    long n = 0;
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      try (TokenStream stream = analyzer.tokenStream("text", line)) {
        stream.reset();
        while (stream.incrementToken()) {
          n++;
        }
        stream.end();
      }
    }
    return n;
  }

  private static long check(long expected, long actual) {
    if (expected >= 0 && expected != actual) {
      throw new IllegalStateException("token count changed between runs: " + expected + " vs " + actual);
    }
    return actual;
  }
}
