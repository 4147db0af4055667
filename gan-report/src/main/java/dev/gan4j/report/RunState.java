package dev.gan4j.report;

import dev.gan4j.health.Diagnosis;
import dev.gan4j.quality.QualityReport;
import dev.gan4j.train.GanConfig;
import dev.gan4j.train.Provenance;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the report knows of the run so far; touched on the training thread only. */
final class RunState {

    /** Where the run is. */
    enum Status { WAITING, RUNNING, FINISHED, CANCELLED, FAILED }

    final RunHistory history = new RunHistory();
    final List<Diagnosis> diagnoses = new ArrayList<>();
    final List<QualityReport> quality = new ArrayList<>();
    /** The fixed-latent sample grid after each epoch, in order, with 256 colours: the GIF's frames. */
    final List<BufferedImage> frames = new ArrayList<>();
    /** The last epoch's grid in full colour, for the page's still image. */
    BufferedImage lastGrid;
    final List<Integer> gridEpochs = new ArrayList<>();
    /** Each epoch's end, as a global step and its wall-clock seconds. */
    final List<long[]> epochEnds = new ArrayList<>();
    final List<Double> epochSeconds = new ArrayList<>();

    /**
     * The PNG of each chart as last drawn, under the state it was drawn from: a page rewritten for a
     * quality report or the run's end redraws only what changed.
     */
    final Map<String, Map.Entry<String, byte[]>> charts = new HashMap<>();
    /** The GIF of the frames so far, and how many frames it holds. */
    byte[] gif;
    int gifFrames;

    Status status = Status.WAITING;
    GanConfig config;
    int datasetSize;
    int epoch;
    int epochs;
    int stepsPerEpoch;
    long globalStep;
    Provenance provenance;
    String failure;
    long startedAtNanos;

    void reset() {
        history.clear();
        diagnoses.clear();
        quality.clear();
        frames.clear();
        charts.clear();
        gif = null;
        gifFrames = 0;
        lastGrid = null;
        gridEpochs.clear();
        epochEnds.clear();
        epochSeconds.clear();
        status = Status.WAITING;
        config = null;
        datasetSize = 0;
        epoch = 0;
        epochs = 0;
        stepsPerEpoch = 0;
        globalStep = 0;
        provenance = null;
        failure = null;
        startedAtNanos = System.nanoTime();
    }
}
