# Loads a config/database.yml the way Rails does (ERB first, then YAML with aliases), takes the named
# blocks (`production`, or `production.primary` in a three-tier file), points each at the throwaway
# PostgreSQL (host, port, user, password, database; every other key kept), connects with Debian's
# Active Record and ruby-pg, runs SELECT 1 and prints, per block, what Active Record kept
# (`configuration_hash`), what the pool uses (idle_timeout, reaper frequency) and what libpq got
# (`conninfo_hash`). Reads `[{"file": …, "names": […]}, …]` on stdin and prints one report per file,
# so Active Record loads once for the whole suite (DATABASE_URL and TEST_PG_* set by the test).
require 'erb'
require 'json'
require 'uri'
require 'yaml'
require 'active_record'
require 'pg'

target = {
  'host' => ENV.fetch('TEST_PG_HOST'), 'port' => ENV.fetch('TEST_PG_PORT').to_i,
  'username' => ENV.fetch('TEST_PG_USER'), 'password' => ENV.fetch('TEST_PG_PASSWORD'),
  'database' => ENV.fetch('TEST_PG_DATABASE')
}

def blocks(file, names, target)
  text = ERB.new(File.read(file)).result
  tree = YAML.respond_to?(:unsafe_load) ? YAML.unsafe_load(text) : YAML.load(text)
  names.map { |name| block(tree, name, target) }
end

def block(tree, name, target)
  block = name.split('.').reduce(tree) { |node, key| node.is_a?(Hash) ? node[key] : nil }
  return { name: name, error: 'no such block' } unless block.is_a?(Hash)
  config = block.dup
  if config['url']
    uri = URI.parse(config['url'])
    uri.host = target['host']
    uri.port = target['port']
    uri.user = target['username']
    uri.password = target['password']
    uri.path = "/#{target['database']}"
    config['url'] = uri.to_s
  else
    config.merge!(target)
  end
  config['sslmode'] = 'require' if config['sslmode'].to_s.start_with?('verify')
  config['pool'] = config['pool'].to_i if config['pool'].is_a?(String)
  # activerecord-postgis-adapter is not packaged in Debian; it connects through the same PostgreSQL adapter.
  config['adapter'] = 'postgresql' if config['adapter'] == 'postgis'
  begin
    ActiveRecord::Base.establish_connection(config)
    connection = ActiveRecord::Base.connection
    pool = ActiveRecord::Base.connection_pool
    select1 = connection.select_value('SELECT 1').to_i
    conninfo = connection.raw_connection.conninfo_hash.transform_keys(&:to_s).reject { |_, v| v.nil? || v == '' }
    conninfo.delete('password')
    hash = pool.db_config.configuration_hash.transform_keys(&:to_s)
    hash.delete('password')
    out = {
      name: name,
      select1: select1,
      configuration: hash,
      conninfo: conninfo,
      idleTimeout: pool.instance_variable_get(:@idle_timeout),
      reapingFrequency: pool.reaper.frequency
    }
    ActiveRecord::Base.remove_connection
    out
  rescue StandardError, LoadError => e
    { name: name, error: "#{e.class}: #{e.message.lines.first&.strip}" }
  end
end

versions = { activerecord: ActiveRecord::VERSION::STRING, pg: PG::VERSION, libpq: PG.library_version }
reports = JSON.parse($stdin.read).map do |item|
  { file: item['file'], versions: versions, blocks: blocks(item['file'], item['names'], target) }
end
puts JSON.generate(reports)
