/* eslint-disable no-undef */
// Builds the task pane, the function-command page and the command's notice dialog page into dist/. Follows
// the yo-office template: the manifest's https://localhost:3000/ URLs are rewritten to the production URL (env
// ADDIN_URL) on copy, and the dev server uses the Office dev certificates (only loaded in `webpack serve`, so a
// production build needs no certificates).
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');

/**
 * Copies files into the build, optionally transforming them. A dozen lines instead of copy-webpack-plugin:
 * with this dependency tree its schema-utils resolved ajv-keywords@5 against the hoisted ajv@6 and could not
 * be loaded (Cannot find module 'ajv/dist/compile/codegen').
 */
class CopyFilesPlugin {
  constructor(patterns) {
    this.patterns = patterns;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const { from, to, transform } of this.patterns) {
          const abs = path.resolve(__dirname, from);
          compilation.fileDependencies.add(abs);
          const content = fs.readFileSync(abs);
          compilation.emitAsset(to, new sources.RawSource(transform ? transform(content) : content));
        }
      });
    });
  }
}

const DEV_URL = 'https://localhost:3000/';
const PROD_URL = process.env.ADDIN_URL || 'https://program-rollup.example.com/';

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, argv) => {
  const dev = argv.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const copy = [];
  const assetsDir = path.resolve(__dirname, 'assets');
  if (fs.existsSync(assetsDir)) {
    for (const name of fs.readdirSync(assetsDir)) {
      if (/\.(png|svg|ico|jpg)$/i.test(name)) copy.push({ from: `assets/${name}`, to: `assets/${name}` });
    }
  }
  // The outside-Office page links to the README; ship it beside the pages.
  copy.push({ from: 'README.md', to: 'README.md' });
  if (fs.existsSync(path.resolve(__dirname, 'manifest.xml'))) {
    copy.push({
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform(content) {
        return dev ? content : content.toString().split(DEV_URL).join(PROD_URL.endsWith('/') ? PROD_URL : `${PROD_URL}/`);
      },
    });
  }
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The notice dialog the "Roll up" command opens (displayDialogAsync); plain DOM, no React.
      notice: './src/commands/notice.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'notice.html', template: './src/commands/notice.html', chunks: ['notice'] }),
      new CopyFilesPlugin(copy),
    ],
    devServer: serving
      ? {
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await httpsOptions() },
          static: { directory: path.resolve(__dirname, 'dist') },
        }
      : undefined,
  };
};
