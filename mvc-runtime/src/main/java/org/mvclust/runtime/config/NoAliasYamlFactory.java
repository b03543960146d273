package org.mvclust.runtime.config;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * YAML parsing that refuses aliases ({@code *name}): the parser would otherwise hand over the anchor's name as a string,
 * so {@code hidden: *h} would silently read as {@code hidden: "h"}.
 */
final class NoAliasYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(in, null, ctxt));
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
        return parser(ctxt, r);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable) {
        return parser(ctxt, new CharArrayReader(data, offset, len));
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return parser(ctxt, _createReader(data, offset, len, null, ctxt));
    }

    private YAMLParser parser(IOContext ctxt, Reader r) {
        return new YAMLParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r) {
            @Override
            public JsonToken nextToken() throws IOException {
                JsonToken t = super.nextToken();
                if (isCurrentAlias()) {
                    throw _constructError("the alias *" + getText() + " is not supported (anchors and aliases are not "
                            + "expanded); write the value out in full");
                }
                return t;
            }
        };
    }
}
