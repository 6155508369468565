/** JMH benchmark of the column transform on local[2]; run with exec:exec (see spark/pom.xml). */
package ai.boinc.transformers.spark.bench;
