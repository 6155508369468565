package com.example.consumer;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import java.util.Arrays;

/** The seed scenario as a user writes it: BA_ACCESS_TOKEN in the environment, one call. */
public final class HelloTokenizer {
  private HelloTokenizer() {}

  public static int[] helloWorldIds(Hub hub) {
    return AutoTokenizer.fromPretrained("meta-llama/Llama-2-7b-ba", hub).encode("Hello world!").ids();
  }

  public static void main(String[] args) {
    System.out.println(Arrays.toString(helloWorldIds(Hub.create())));
  }
}
