#include "support/parameter_binder.h"

#include <cppconn/datatype.h>
#include <cppconn/prepared_statement.h>

namespace oa::test {

void ParameterBinder::bind(const Value& value, bool binary) {
  const unsigned index = next_++;
  if (!value) {
    statement_.setNull(index, sql::DataType::VARCHAR);
  } else if (binary) {
    blobs_.push_back(std::make_unique<std::istringstream>(*value));
    statement_.setBlob(index, blobs_.back().get());
  } else {
    statement_.setString(index, sql::SQLString(*value));
  }
}

}  // namespace oa::test
