/** JMH benchmark of the column transform on local[2]; run with exec:exec@spark-bench (see spark/pom.xml). */
package ai.boinc.transformers.spark.bench;
