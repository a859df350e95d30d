package io.watchfloor.extract.parse;

/**
 * One word of a parsed sentence.
 *
 * @param index position in the sentence, from 0
 * @param word  the word as written
 * @param lemma its dictionary form, lower case ("struck" is "strike")
 * @param tag   its Penn Treebank part of speech ("VBD", "NNS", "NNP")
 * @param begin offset of its first char in the sentence text
 * @param end   offset just after its last char
 */
public record Token(int index, String word, String lemma, String tag, int begin, int end) {
    public boolean isVerb() {
        return tag.startsWith("VB");
    }

    public boolean isNoun() {
        return tag.startsWith("NN");
    }
}
