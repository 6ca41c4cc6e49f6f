import cliProgress from "cli-progress";
import { grouped } from "../result/index.js";
import type { ScanProgress } from "../scan/index.js";
import type { CliIo } from "./io.js";

/** What the bar calls each counted stage. */
const STAGE_LABELS: Record<string, string> = { list: "listing", read: "reading", points: "points" };

/** On a pipe or in CI, a counted stage says how far it is at most this often. */
const LINE_EVERY_MS = 5000;

export interface ProgressReporter {
  listener: (event: ScanProgress) => void;
  /** Clears the bar (if any) before the result is printed. */
  stop(): void;
}

const silent: ProgressReporter = { listener: () => {}, stop: () => {} };

/**
 * How a scan shows it is working: on a terminal, a bar for the counted stages (repositories listed, files
 * read) with the stage, counts and ETA; elsewhere (a pipe, a CI log) plain lines, a counted stage repeating
 * its count every few seconds so a long scan is never silent; nothing with --quiet. All on stderr.
 */
export function progressReporter(io: CliIo, quiet: boolean | undefined): ProgressReporter {
  if (quiet) return silent;
  return io.stderrStream?.isTTY ? barReporter(io.stderrStream) : lineReporter(io);
}

function lineReporter(io: CliIo): ProgressReporter {
  let lastStage = "";
  let lastLine = 0;
  return {
    listener(event) {
      const counted = event.total !== undefined && event.done !== undefined;
      if (event.stage !== lastStage || !counted) {
        // A stage's first report says what it does; later ones only how far it is.
        io.stderr(`lineitem: ${event.message}…\n`);
        lastStage = event.stage;
        lastLine = Date.now();
        return;
      }
      if (Date.now() - lastLine < LINE_EVERY_MS) return;
      lastLine = Date.now();
      const done = event.done ?? 0;
      const total = event.total ?? 0;
      io.stderr(
        `lineitem: ${STAGE_LABELS[event.stage] ?? event.stage}: ${grouped(done)} of ${grouped(total)} (${total ? Math.floor((100 * done) / total) : 100}%)\n`,
      );
    },
    stop() {},
  };
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "lineitem {stage} [{bar}] {value}/{total} {unit} | {duration_formatted} | ETA {eta_formatted}",
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  let stage = "";
  const stopBar = () => {
    if (running) bar.stop();
    running = false;
  };
  return {
    listener(event) {
      const counted = event.total !== undefined && event.done !== undefined;
      if (!counted) {
        stopBar();
        stream.write(`lineitem: ${event.message}…\n`);
        stage = event.stage;
        return;
      }
      const unit = event.stage === "list" ? "repositories" : "files";
      const label = STAGE_LABELS[event.stage] ?? event.stage;
      if (!running || event.stage !== stage) {
        stopBar();
        if (event.message) stream.write(`lineitem: ${event.message}…\n`);
        bar.start(event.total ?? 0, event.done ?? 0, { stage: label, unit });
        running = true;
        stage = event.stage;
        return;
      }
      bar.update(event.done ?? 0, { stage: label, unit });
    },
    stop: stopBar,
  };
}
