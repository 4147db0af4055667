/**
 * The run report: {@link dev.gan4j.report.RunReport} writes {@code report.html} and {@code progress.gif}
 * into a folder at each epoch's end, so a run can be watched in a browser by refreshing, and the page
 * opens offline (every chart and image is embedded). See {@code docs/run-report.md}.
 */
package dev.gan4j.report;
